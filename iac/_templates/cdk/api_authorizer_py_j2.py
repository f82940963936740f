from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_authorizer.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_Call = resolve('Call')
    l_0_expr = resolve('expr')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'apigwv2.CfnAuthorizer(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'api_id', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    authorizer_type="JWT",\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'identity_source', [environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'identity_source')]))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'jwt_configuration', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'apigwv2.CfnAuthorizer.JWTConfigurationProperty', (), (('issuer', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'issuer'))), ('audience', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'audience')))))))
    yield '\n)\n'

blocks = {}
debug_info = '3=23&4=25&5=27&7=29&8=31'
