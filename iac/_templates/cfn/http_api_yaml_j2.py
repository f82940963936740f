from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'http_api.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      ProtocolType: HTTP\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'):
        pass
        yield '      CorsConfiguration:\n        AllowOrigins:'
        yield str(t_2(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'origins'), 10))
        yield '\n        AllowMethods:'
        yield str(t_2(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'methods'), 10))
        yield '\n        AllowHeaders:'
        yield str(t_2(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'headers'), 10))
        yield '\n'
        if (not t_3(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'max_age'))):
            pass
            yield '        MaxAge: '
            yield str(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'max_age'))
            yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=32&5=34&7=37&8=39&9=41&10=43&11=46&14=48&15=51'
