from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_stage.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_construct = resolve('construct')
    l_0_p = resolve('p')
    l_0_line = resolve('line')
    l_0_Call = resolve('Call')
    l_0_var = resolve('var')
    l_0_expr = resolve('expr')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'apigwv2.HttpStage(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    http_api='
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')), 'text'))
    yield ',\n    stage_name="$default",\n    auto_deploy=True,\n    throttle=apigwv2.ThrottleSettings(\n        rate_limit='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'rate'))
    yield ',\n        burst_limit='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'burst'))
    yield ',\n    ),\n)\n# Set on the resource: the L2 takes access log settings only as a jsii interface.\n'
    yield str(context.call((undefined(name='line') if l_0_line is missing else l_0_line), context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), str_join(('resource_of(', (undefined(name='var') if l_0_var is missing else l_0_var), ').add_property_override', )), ('AccessLogSettings', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), {'DestinationArn': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'access_logs'), 'Format': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'access_log_format')})))))
    yield '\n'

blocks = {}
debug_info = '3=25&4=27&8=29&9=31&13=33'
