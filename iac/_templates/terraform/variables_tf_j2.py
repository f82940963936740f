from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'variables.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_region = resolve('region')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    try:
        t_3 = environment.filters['variable']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'variable' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# iac app '
    yield str(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'app'))
    yield ': params, set with -var NAME=VALUE.\n\nvariable "'
    yield str((undefined(name='region') if l_0_region is missing else l_0_region))
    yield '" {\n  description\x00= "The AWS region to deploy to (the app\'s region unless set)"\n  type\x00= string\n  default\x00= '
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'region')))
    yield '\n}\n'
    for l_1_p in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'params'):
        _loop_vars = {}
        pass
        yield '\nvariable "'
        yield str(t_3(environment.getattr(l_1_p, 'name')))
        yield '" {\n  description\x00= '
        yield str(t_1(environment.getattr(l_1_p, 'description')))
        yield '\n  type\x00= '
        yield str(('string' if (environment.getattr(l_1_p, 'type') == 'secret') else environment.getattr(l_1_p, 'type')))
        yield '\n'
        if (environment.getattr(l_1_p, 'type') == 'secret'):
            pass
            yield '  sensitive\x00= true\n'
        if (not t_4(environment.getattr(l_1_p, 'default'))):
            pass
            yield '  default\x00= '
            yield str(t_2(context, environment.getattr(l_1_p, 'default')))
            yield '\n'
        yield '}\n'
    l_1_p = missing

blocks = {}
debug_info = '1=38&3=40&6=42&8=44&10=48&11=50&12=52&13=54&16=57&17=60'
